package cn.gov.sd.pilotzone.task;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.stereotype.Component;

/**
 * A case as the task and case pages show it: the process instance, its comments, files and tasks, and
 * the part its feature adds ({@link ProcessCases#detail}, e.g. the award application). Also who may look at a
 * case: those who see everything, those the feature's rule lets see it, and bureaus that had a task in it.
 */
@Component
public class Cases {

    /** {@code detail} is what the case's feature adds (see {@link ProcessCases#detail}); null when none. */
    public record CaseInfo(String processInstanceId, String processKey, String processName, String businessKey,
                           boolean ended, Object detail, List<TaskNotes.Note> comments,
                           List<TaskNotes.FileNote> files, List<TaskSearch.DoneTask> tasks) {
    }

    private final EngineTables engine;
    private final TaskNotes notes;
    private final TaskSearch search;
    private final Tasks tasks;
    private final Map<String, ProcessCases> features;

    Cases(EngineTables engine, TaskNotes notes, TaskSearch search, Tasks tasks,
          List<ProcessCases> features) {
        this.engine = engine;
        this.notes = notes;
        this.search = search;
        this.tasks = tasks;
        this.features = features.stream()
                .collect(Collectors.toMap(ProcessCases::processDefinitionKey, Function.identity()));
    }

    /** The feature that runs a process, if it adds anything to its cases. */
    Optional<ProcessCases> feature(String processKey) {
        return Optional.ofNullable(processKey == null ? null : features.get(processKey));
    }

    /** The case page: for those who see everything or the whole case, or (where the feature allows) worked on it. */
    public boolean canSee(Caller caller, String processInstanceId) {
        if (caller.seesEverything()) {
            return true;
        }
        EngineTables.Instance pi = instance(processInstanceId);
        if (pi == null) {
            return false;
        }
        Optional<ProcessCases> feature = feature(pi.processKey());
        ProcessCases.CaseRef ref = new ProcessCases.CaseRef(pi.id(), pi.businessKey());
        if (feature.isPresent() && feature.get().seesWholeCase(caller, ref)) {
            return true;
        }
        return feature.map(ProcessCases::openToItsWorkers).orElse(true) && search.worksOn(caller, processInstanceId);
    }

    /** A file of a case: for whoever sees the case, or for whom the feature lets see it. */
    boolean canSeeFile(Caller caller, TaskNotes.FileNote file) {
        if (file.processInstanceId() == null) {
            return false;
        }
        EngineTables.Instance pi = instance(file.processInstanceId());
        return canSee(caller, file.processInstanceId()) || pi != null && feature(pi.processKey())
                .filter(f -> f.seesNote(caller, new ProcessCases.CaseRef(pi.id(), pi.businessKey()),
                        file.taskId())).isPresent();
    }

    /**
     * Everything about the case of a process instance that the caller may see: who reaches a case through one of
     * its tasks, where the feature does not open the case to its workers, sees only the notes it allows.
     */
    public Optional<CaseInfo> info(Caller caller, String processInstanceId) {
        return info(caller, processInstanceId, null);
    }

    /**
     * The same, with the case's detail as the caller's feature has just read it (its page read the record to check
     * access): read again here, it was one more query per page.
     */
    public Optional<CaseInfo> info(Caller caller, String processInstanceId, Object knownDetail) {
        EngineTables.Instance pi = instance(processInstanceId);
        if (pi == null) {
            return Optional.empty();
        }
        Optional<ProcessCases> feature = feature(pi.processKey());
        ProcessCases.CaseRef ref = new ProcessCases.CaseRef(pi.id(), pi.businessKey());
        List<TaskNotes.Note> comments = notes.comments(pi.id());
        List<TaskNotes.FileNote> files = notes.attachments(pi.id());
        if (feature.isPresent() && !feature.get().openToItsWorkers() && !feature.get().seesWholeCase(caller, ref)) {
            ProcessCases f = feature.get();
            comments = comments.stream().filter(c -> f.seesNote(caller, ref, c.taskId())).toList();
            files = files.stream().filter(x -> f.seesNote(caller, ref, x.taskId())).toList();
        }
        Object detail = knownDetail != null || pi.businessKey() == null ? knownDetail
                : feature.flatMap(f -> f.detail(pi.businessKey())).orElse(null);
        return Optional.of(new CaseInfo(pi.id(), pi.processKey(), pi.processName(), pi.businessKey(), pi.ended(),
                detail, comments, files, search.ofCase(pi)));
    }

    /** The open tasks of a case that the caller may work on: the case page links them. */
    public Set<String> workable(Caller caller, CaseInfo info) {
        Set<String> workable = new HashSet<>();
        for (TaskSearch.DoneTask t : info.tasks()) {
            if (t.ended() == null) {
                try {
                    tasks.visible(caller, t.id());
                    workable.add(t.id());
                } catch (Tasks.TaskNotFoundException notTheirs) {
                    // shown, but not as a link
                }
            }
        }
        return workable;
    }

    /** What a person reads for a case (lists, notices): its feature's name for it, else its business key. */
    public String label(String processKey, String businessKey) {
        if (businessKey == null) {
            return "";
        }
        return feature(processKey).map(f -> f.label(businessKey)).orElse(businessKey);
    }

    /** Where a person opens a case: its feature's page, else the case page. */
    public String href(String processKey, String businessKey, String processInstanceId) {
        ProcessCases.CaseRef ref = new ProcessCases.CaseRef(processInstanceId, businessKey);
        return businessKey == null ? "/cases/" + processInstanceId
                : feature(processKey).map(f -> f.href(ref)).orElse("/cases/" + processInstanceId);
    }

    /**
     * What the task lists show beside their tasks, by business key: {@code processKeys} and {@code businessKeys}
     * are the tasks' in the same order (one look-up per case; a page has 20 tasks).
     */
    public Map<String, ProcessCases.CaseSummary> summaries(List<String> processKeys, List<String> businessKeys) {
        Map<String, ProcessCases.CaseSummary> summaries = new LinkedHashMap<>();
        for (int i = 0; i < businessKeys.size(); i++) {
            String key = businessKeys.get(i);
            if (key != null && !summaries.containsKey(key)) {
                feature(processKeys.get(i)).flatMap(f -> f.summary(key)).ifPresent(c -> summaries.put(key, c));
            }
        }
        return summaries;
    }

    private EngineTables.Instance instance(String processInstanceId) {
        return processInstanceId == null ? null : engine.instance(processInstanceId).orElse(null);
    }
}
