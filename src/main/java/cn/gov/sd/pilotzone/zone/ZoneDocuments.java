package cn.gov.sd.pilotzone.zone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gov.sd.pilotzone.common.Problem;

import org.flowable.engine.TaskService;
import org.flowable.engine.task.Attachment;
import org.springframework.stereotype.Component;

/**
 * Documents attached to lifecycle tasks (the adopted plan, completion evidence, rectification reports), stored as
 * Flowable task attachments. In a completion form a document is {@code {name, url}} (a link to the document
 * system) or {@code {name, content, contentType?}} with the content in base64.
 */
@Component
public class ZoneDocuments {

    /** A document of a form, checked. */
    public record Document(String name, String url, byte[] content, String contentType) {
    }

    /** A stored attachment as the zone API lists it. */
    public record DocumentView(String id, String type, String name, String description, String url, String taskId,
                               Instant attachedAt, String attachedBy) {
    }

    private static final Set<String> KEYS = Set.of("name", "url", "content", "contentType");
    private static final int MAX_NAME = 200;

    private final TaskService taskService;
    private final ZoneSettings settings;

    public ZoneDocuments(TaskService taskService, ZoneSettings settings) {
        this.taskService = taskService;
        this.settings = settings;
    }

    /** One document from a form field, or null with the problems added. */
    public Document one(Object value, String field, List<Problem> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(Problem.of(field, "field.notObject"));
            return null;
        }
        map.keySet().stream().filter(k -> !KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add(Problem.of(field + "." + k, "field.unknown")));
        String name = map.get("name") instanceof String s ? s.strip() : null;
        if (name == null || name.isEmpty()) {
            problems.add(Problem.of(field + ".name", "field.required"));
            return null;
        }
        if (name.length() > MAX_NAME) {
            problems.add(Problem.of(field + ".name", "field.tooLong", MAX_NAME));
            return null;
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            problems.add(Problem.of(field + ".name", "attachment.path"));
            return null;
        }
        Object url = map.get("url");
        Object content = map.get("content");
        if ((url == null) == (content == null)) {
            problems.add(Problem.of(field, "zone.documentSource"));
            return null;
        }
        if (url != null) {
            if (!(url instanceof String u) || !httpUrl(u)) {
                problems.add(Problem.of(field + ".url", "zone.documentUrl"));
                return null;
            }
            return new Document(name, u, null, null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(String.valueOf(content));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(field + ".content", "zone.documentBase64"));
            return null;
        }
        if (bytes.length == 0) {
            problems.add(Problem.of(field + ".content", "file.empty"));
            return null;
        }
        if (bytes.length > settings.maxAttachmentSize().toBytes()) {
            problems.add(Problem.of(field + ".content", "file.tooLarge", bytes.length, settings.maxAttachmentSize().toBytes()));
            return null;
        }
        Object type = map.get("contentType");
        return new Document(name, null, bytes, type instanceof String t && !t.isBlank() && t.length() <= 100 ? t
                : "application/octet-stream");
    }

    /** A list of documents from a form field; {@code required}: at least one. */
    public List<Document> list(Object value, String field, boolean required, List<Problem> problems) {
        List<Document> docs = new ArrayList<>();
        if (value == null) {
            if (required) {
                problems.add(Problem.of(field, "field.required"));
            }
            return docs;
        }
        if (!(value instanceof List<?> items)) {
            problems.add(Problem.of(field, "field.notList"));
            return docs;
        }
        if (required && items.isEmpty()) {
            problems.add(Problem.of(field, "field.required"));
        }
        for (int i = 0; i < items.size(); i++) {
            Document d = one(items.get(i), field + "[" + i + "]", problems);
            if (d != null) {
                docs.add(d);
            }
        }
        return docs;
    }

    public void attach(String taskId, String processInstanceId, String type, String description, List<Document> docs) {
        for (Document d : docs) {
            if (d.url() != null) {
                taskService.createAttachment(type, taskId, processInstanceId, d.name(), description, d.url());
            } else {
                taskService.createAttachment(type + ";" + d.contentType(), taskId, processInstanceId, d.name(),
                        description, new ByteArrayInputStream(d.content()));
            }
        }
    }

    public List<DocumentView> ofProcess(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return taskService.getProcessInstanceAttachments(processInstanceId).stream()
                .sorted(Comparator.comparing(Attachment::getTime))
                .map(a -> new DocumentView(a.getId(), type(a.getType()), a.getName(), a.getDescription(), a.getUrl(),
                        a.getTaskId(), a.getTime() == null ? null : a.getTime().toInstant(), a.getUserId()))
                .toList();
    }

    public Optional<Attachment> find(String processInstanceId, String attachmentId) {
        Attachment a = taskService.getAttachment(attachmentId);
        return a != null && processInstanceId != null && processInstanceId.equals(a.getProcessInstanceId())
                ? Optional.of(a) : Optional.empty();
    }

    public byte[] content(String attachmentId) {
        try (var in = taskService.getAttachmentContent(attachmentId)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "planDocument;application/pdf" → "planDocument". */
    static String type(String stored) {
        return stored == null ? null : stored.split(";", 2)[0];
    }

    static String contentType(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(";", 2);
        return parts.length == 2 ? parts[1] : "application/octet-stream";
    }

    private static boolean httpUrl(String u) {
        if (u.length() > 1000) {
            return false;
        }
        try {
            URI uri = URI.create(u);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
