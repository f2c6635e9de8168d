package cn.gov.sd.pilotzone.task;

import java.util.List;

/**
 * A task-specific field of a completion form ({@code fields.<name>} of {@link CompletionForm}), described so that
 * a form can be drawn for it: its kind, whether it is required, and for lists the values to choose from.
 *
 * @param options for {@link Kind#LIST}: the allowed values (bureau codes, …); empty = free text items; for
 *                {@link Kind#CHOICE}: the values one of which is chosen
 */
public record FormField(String name, Kind kind, boolean required, List<String> options) {

    /**
     * TEXT and LONG_TEXT are strings; NUMBER a decimal given as text; LIST a list of strings; CHOICE one string of
     * the options (radio buttons on a page, where LIST's options are boxes to tick); DOCUMENT one document and
     * DOCUMENTS a list of them, each {@code {name, content (base64), contentType}} or {@code {name, url}}.
     */
    public enum Kind { TEXT, LONG_TEXT, NUMBER, LIST, CHOICE, DOCUMENT, DOCUMENTS }

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static FormField of(String name, Kind kind, boolean required) {
        return new FormField(name, kind, required, List.of());
    }

    public boolean document() {
        return kind == Kind.DOCUMENT || kind == Kind.DOCUMENTS;
    }
}
