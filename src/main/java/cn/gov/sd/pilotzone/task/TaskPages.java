package cn.gov.sd.pilotzone.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Money;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.common.SingleValues;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Who;
import cn.gov.sd.pilotzone.ui.PageController;
import cn.gov.sd.pilotzone.ui.UiFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.TaskService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerks' task pages (a Tasklist): the bureau's open tasks with filters, sorting and claim/unclaim, one task
 * with its case and the decision form, and the tasks done. All actions go through {@link Tasks} and
 * {@link TaskNotes}, which scope every task to the caller's bureau; a task of another bureau is "not found".
 */
@PageController
class TaskPages {

    static final int PAGE_SIZE = 20;

    private final Tasks tasks;
    private final TaskCompleter completer;
    private final TaskService taskService;
    private final TaskSearch search;
    private final TaskNotes notes;
    private final Cases cases;
    private final BureauDirectory bureaus;
    private final Messages messages;
    private final TaskTeam team;
    private final UiFormat fmt;
    private final Who who;

    TaskPages(Tasks tasks, TaskCompleter completer, TaskService taskService, TaskSearch search, TaskNotes notes,
              Cases cases, BureauDirectory bureaus, Messages messages, TaskTeam team,
              UiFormat fmt, Who who) {
        this.team = team;
        this.fmt = fmt;
        this.who = who;
        this.tasks = tasks;
        this.completer = completer;
        this.taskService = taskService;
        this.search = search;
        this.notes = notes;
        this.cases = cases;
        this.bureaus = bureaus;
        this.messages = messages;
    }

    @GetMapping("/tasks")
    String list(Caller caller, Model model, @RequestParam(required = false) String process,
                @RequestParam(required = false) String policy, @RequestParam(required = false) String county,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBy,
                @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(defaultValue = "ALL") TaskFilter.Assignment assignment,
                @RequestParam(defaultValue = "CREATED") TaskFilter.Sort sort,
                @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "0") int page) {
        TaskFilter filter = new TaskFilter(process, policy, county, dueBy, overdue, assignment, sort,
                "asc".equalsIgnoreCase(dir));
        long total = search.count(caller, filter);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        List<TaskView> list = search.open(caller, filter, current, PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("dir", filter.ascending() ? "asc" : "desc");
        model.addAttribute("tasks", list);
        model.addAttribute("apps", cases.summaries(list.stream().map(TaskView::processDefinitionKey).toList(),
                list.stream().map(TaskView::businessKey).toList()));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("processes", search.processes());
        model.addAttribute("counties", bureaus.all().stream().filter(b -> b.countyCode() != null).toList());
        model.addAttribute("assignments", TaskFilter.Assignment.values());
        model.addAttribute("sorts", TaskFilter.Sort.values());
        return "tasks";
    }

    @GetMapping("/tasks/done")
    String done(Caller caller, Model model, @RequestParam(defaultValue = "0") int page) {
        long total = search.doneCount(caller);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        var list = search.done(caller, current, PAGE_SIZE);
        model.addAttribute("tasks", list);
        model.addAttribute("apps", cases.summaries(list.stream().map(TaskSearch.DoneTask::processDefinitionKey)
                .toList(), list.stream().map(TaskSearch.DoneTask::businessKey).toList()));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("processes", search.processes());
        return "tasks-done";
    }

    @GetMapping("/tasks/{id}")
    String task(Caller caller, @PathVariable String id, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            return show(caller, id, model, null, Map.of(), List.of());
        } catch (Tasks.TaskNotFoundException e) {
            return alreadyDone(caller, id, redirect, locale, e);
        }
    }

    /**
     * A task the caller's bureau had that is no longer open: someone completed it (a colleague, at the same time)
     * — say who and when rather than "not found". Any other task stays "not found", also one of another bureau in a
     * case the caller's bureau works on (a zone lifecycle's lead bureaus share one case).
     */
    private String alreadyDone(Caller caller, String id, RedirectAttributes redirect, Locale locale,
                               Tasks.TaskNotFoundException notFound) {
        TaskSearch.DoneTask done = search.finished(caller, id).orElseThrow(() -> notFound);
        redirect.addFlashAttribute("problem", messages.get("ui.task.alreadyDone", locale,
                done.assignee() == null ? "—" : who.name(done.assignee()), fmt.time(done.ended())));
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/hand-over")
    String handOver(Caller caller, @PathVariable String id, @RequestParam(required = false) String colleague,
                    @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        try {
            team.handOver(caller, id, colleague, note);
            redirect.addFlashAttribute("notice", messages.get("ui.team.handedOver", locale, who.name(colleague)));
            return "redirect:/tasks";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.withFieldNames(e.problems(), locale));
            return "redirect:/tasks/" + id;
        }
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(Caller caller, @PathVariable String id, Model model, RedirectAttributes redirect,
                    @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
                    @RequestParam(required = false) String approvedAmount, HttpServletRequest request,
                    HttpServletResponse response, Locale locale) {
        TaskView task;
        try {
            task = tasks.visible(caller, id);
        } catch (Tasks.TaskNotFoundException e) {
            return alreadyDone(caller, id, redirect, locale, e);
        }
        TaskForm spec = tasks.formOf(task);
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Object> shown = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (FormField f : spec.fields()) {
            read(f, request, fields, shown, problems);
        }
        Submitted submitted = new Submitted(decision, comment, approvedAmount, shown);
        BigDecimal amount = null;
        if (approvedAmount != null && !approvedAmount.isBlank()) {
            try {
                amount = Money.parse("approvedAmount", approvedAmount.replace(",", ""), Money.Sign.POSITIVE);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty()) {
            try {
                completer.complete(caller, id, new CompletionForm(blankToNull(decision), blankToNull(comment), amount,
                        fields));
                redirect.addFlashAttribute("notice", messages.get("ui.task.completed", locale, task.name(),
                        task.businessKey() == null ? "" : task.businessKey()));
                return "redirect:/tasks";
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (FlowableOptimisticLockingException | ConcurrencyFailureException e) {
                problems.add(Problem.of(null, "ui.task.changed"));
            } catch (Tasks.TaskNotFoundException | FlowableObjectNotFoundException e) {
                // completed by a colleague between the page check and the completion
                return alreadyDone(caller, id, redirect, locale, new Tasks.TaskNotFoundException(id));
            } catch (FlowableException e) {
                // a step that the completion ran (a service task) refused the input: shown at the form like any
                // other problem, with what was typed
                if (!(e.getCause() instanceof InvalidInputException invalid)) {
                    throw e;
                }
                problems.addAll(invalid.problems());
            }
        }
        if (problems.stream().anyMatch(p -> SingleValues.REPEATED.equals(p.code()))) {
            // as SingleValuedParameters answers for the other parameters: the request itself is malformed
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return show(caller, id, model, submitted, errors(problems, locale), globalErrors(problems, locale));
    }

    /**
     * One field of the form as the completion takes it ({@code fields}) and as the form shows it again after an
     * error ({@code shown}): text as typed, lists split at commas (or the boxes ticked), documents from the
     * uploaded files as {@code {name, content (base64), contentType}}. Files are not shown again: a browser
     * cannot be given them back. A field that takes one value given twice is refused by the rule every
     * single-valued parameter follows ({@link SingleValues}): the first of two account numbers must not be taken
     * silently. Here the form, not the handler's signature, says which fields take one: only checkbox groups (a
     * LIST with options) and DOCUMENTS take several.
     */
    private static void read(FormField f, HttpServletRequest request, Map<String, Object> fields,
                             Map<String, Object> shown, List<Problem> problems) {
        String param = "fields." + f.name();
        boolean multiValued = f.kind() == FormField.Kind.DOCUMENTS
                || f.kind() == FormField.Kind.LIST && !f.options().isEmpty();
        String[] given = request.getParameterValues(param);
        if (!multiValued) {
            SingleValues.check(param, given).ifPresent(problems::add);
        }
        switch (f.kind()) {
            case TEXT, LONG_TEXT, NUMBER, CHOICE -> {
                String v = request.getParameter(param);
                if (v != null && !v.isBlank()) {
                    fields.put(f.name(), v.strip());
                    shown.put(f.name(), v);
                }
            }
            case LIST -> {
                List<String> items;
                if (f.options().isEmpty()) {
                    String v = request.getParameter(param);
                    items = v == null ? List.of() : Arrays.stream(v.split("[,，、;；\\n]"))
                            .map(String::strip).filter(x -> !x.isEmpty()).toList();
                    if (v != null) {
                        shown.put(f.name(), v);
                    }
                } else {
                    items = given == null ? List.of() : List.of(given);
                    shown.put(f.name(), items);
                }
                if (!items.isEmpty()) {
                    fields.put(f.name(), items);
                }
            }
            case DOCUMENT, DOCUMENTS -> {
                List<Map<String, Object>> docs = new ArrayList<>();
                if (request instanceof MultipartHttpServletRequest multipart) {
                    List<MultipartFile> files = multipart.getFiles(param);
                    if (f.kind() == FormField.Kind.DOCUMENT) {
                        SingleValues.check(param, files.size()).ifPresent(problems::add);
                    }
                    for (MultipartFile file : files) {
                        if (!file.isEmpty()) {
                            docs.add(document(file));
                        }
                    }
                }
                if (!docs.isEmpty()) {
                    fields.put(f.name(), f.kind() == FormField.Kind.DOCUMENT ? docs.get(0) : docs);
                }
            }
        }
    }

    private static Map<String, Object> document(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        try {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", name);
            doc.put("content", Base64.getEncoder().encodeToString(file.getBytes()));
            doc.put("contentType", file.getContentType() == null ? "application/octet-stream" : file.getContentType());
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "task") String back,
                 RedirectAttributes redirect, Locale locale) {
        try {
            tasks.claim(caller, id);
            redirect.addFlashAttribute("notice", messages.get("ui.task.claimed", locale));
        } catch (FlowableTaskAlreadyClaimedException e) {
            // claimed by someone else in the meantime: named in the clerk's language, as the API names it
            redirect.addFlashAttribute("problem", messages.get("task.claimedByOther", locale, e.getTaskAssignee()));
        } catch (FlowableException e) {
            redirect.addFlashAttribute("problem", messages.get("ui.task.claimFailed", locale, e.getMessage()));
        }
        return back(back, id);
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "task") String back,
                   RedirectAttributes redirect, Locale locale) {
        TaskView task = tasks.visible(caller, id);
        if (caller.isClerk() && task.assignee() != null && !task.assignee().equals(caller.username())) {
            redirect.addFlashAttribute("problem", messages.get("task.claimedByOther", locale, task.assignee()));
        } else {
            tasks.unclaim(caller, id);
            redirect.addFlashAttribute("notice", messages.get("ui.task.unclaimed", locale));
        }
        return back(back, id);
    }

    @PostMapping("/tasks/{id}/comments")
    String comment(Caller caller, @PathVariable String id, @RequestParam(required = false) String text,
                   RedirectAttributes redirect, Locale locale) {
        try {
            notes.comment(caller, id, text);
            redirect.addFlashAttribute("notice", messages.get("ui.comment.added", locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("commentError", messages.render(e.problems().get(0), locale));
        }
        return "redirect:/tasks/" + id + "#comments";
    }

    @PostMapping("/tasks/{id}/files")
    String attach(Caller caller, @PathVariable String id, @RequestParam(required = false) MultipartFile file,
                  RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            notes.attach(caller, id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", messages.get("ui.file.added", locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fileError", messages.render(e.problems().get(0), locale));
        }
        return "redirect:/tasks/" + id + "#files";
    }

    /** A file attached to a case, for those who may see the case. */
    @GetMapping("/files/{attachmentId}")
    ResponseEntity<byte[]> file(Caller caller, @PathVariable String attachmentId) {
        Optional<TaskNotes.FileNote> note = notes.attachment(attachmentId)
                .filter(a -> cases.canSeeFile(caller, a));
        if (note.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (note.get().url() != null) {
            // a link to the document system, checked as http(s) when it was attached
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(note.get().url())).build();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(note.get().contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(note.get().name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(notes.content(attachmentId));
    }

    /** What the clerk sent, to show the form again with it after a validation error. */
    record Submitted(String decision, String comment, String approvedAmount, Map<String, Object> fields) {
    }

    private String show(Caller caller, String id, Model model, Submitted submitted, Map<String, String> errors,
                        List<String> globalErrors) {
        TaskView task = tasks.visible(caller, id);
        TaskForm spec = tasks.formOf(task);
        model.addAttribute("task", task);
        model.addAttribute("spec", spec);
        model.addAttribute("processName", search.processes().getOrDefault(task.processDefinitionKey(),
                task.processDefinitionKey()));
        model.addAttribute("caseInfo", cases.info(caller, task.processInstanceId()).orElse(null));
        // What the process wrote for the clerk (BPMN documentation), and what the feature shows of its case
        model.addAttribute("description", taskService.createTaskQuery().taskId(id).singleResult().getDescription());
        if (task.businessKey() != null) {
            cases.feature(task.processDefinitionKey())
                    .ifPresent(f -> model.addAllAttributes(f.taskPage(caller, task.businessKey(), id)));
        }
        model.addAttribute("submitted", submitted == null ? new Submitted(null, null, null, Map.of()) : submitted);
        model.addAttribute("errors", errors);
        model.addAttribute("globalErrors", globalErrors);
        model.addAttribute("mine", caller.username().equals(task.assignee()));
        model.addAttribute("colleagues", team.colleagues(caller));
        model.addAttribute("claimedByOther", task.assignee() != null && !caller.username().equals(task.assignee()));
        return "task";
    }

    /**
     * Problems by form field. A problem inside a field ({@code fields.evidence[0].name}) is shown at the field
     * ({@code fields.evidence}), with the inner part in front of the message.
     */
    private Map<String, String> errors(List<Problem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem p : problems) {
            if (p.field() != null && !"task".equals(p.field())) {
                String field = p.field();
                String inner = "";
                if (field.startsWith("fields.")) {
                    int cut = field.length();
                    for (char c : new char[] {'.', '['}) {
                        int at = field.indexOf(c, "fields.".length());
                        if (at > 0) {
                            cut = Math.min(cut, at);
                        }
                    }
                    inner = field.substring(cut);
                    field = field.substring(0, cut);
                }
                String text = (inner.isEmpty() ? "" : inner + ": ") + messages.get(p.code(), locale, p.args().toArray());
                errors.merge(field, text, (a, b) -> a + "; " + b);
            }
        }
        return errors;
    }

    private List<String> globalErrors(List<Problem> problems, Locale locale) {
        return problems.stream().filter(p -> p.field() == null || "task".equals(p.field()))
                .map(p -> messages.get(p.code(), locale, p.args().toArray())).toList();
    }

    private static String back(String back, String id) {
        return "list".equals(back) ? "redirect:/tasks" : "redirect:/tasks/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
