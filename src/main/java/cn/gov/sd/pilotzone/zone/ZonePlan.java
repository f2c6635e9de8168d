package cn.gov.sd.pilotzone.zone;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A zone plan of {@code config/zones/<zone>.yml} (docs/processes.md pilotZoneLifecycle): the three phases with the plan's
 * dates, the special actions with their tasks (lead bureaus = 责任单位, supporting units = 配合单位), the plan's
 * acceptance settings (its targets are the province's, config/province/targets.yml). {@code coordinator} is the bureau that runs the lifecycle (市工信局:
 * phase 1, confirming completions, acceptance); {@code gxj} unless the plan names another city's.
 */
public record ZonePlan(String id, String name, String nameEn, String source, String coordinator, List<Phase> phases,
                       Acceptance acceptance, List<Action> actions) {

    public static final String DEFAULT_COORDINATOR = "gxj";

    public ZonePlan {
        coordinator = coordinator == null || coordinator.isBlank() ? DEFAULT_COORDINATOR : coordinator;
        phases = phases == null ? List.of() : List.copyOf(phases);
        acceptance = acceptance == null ? new Acceptance(List.of()) : acceptance;
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** The phases in lifecycle order; their codes are the values of {@code phase} in the API. */
    public enum PhaseCode { MOBILIZATION, IMPLEMENTATION, ACCEPTANCE }

    public record Phase(PhaseCode code, String name, String nameEn, LocalDate start, LocalDate end) {
    }

    /** {@code firstCounties}: counties the plan itself selects for 先行先验; the coordinator may still change them. */
    public record Acceptance(List<String> firstCounties) {
        public Acceptance {
            firstCounties = firstCounties == null ? List.of() : List.copyOf(firstCounties);
        }
    }

    public record Action(String code, String title, String titleEn, List<PlanTask> tasks) {
        public Action {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    public record PlanTask(String code, String title, String titleEn, List<String> leadBureaus,
                           List<String> supportingUnits) {
        public PlanTask {
            // each lead bureau once: they become the task's candidate groups, and the task list counts on one
            // link per group (EngineTables.mine)
            leadBureaus = leadBureaus == null ? List.of() : List.copyOf(new LinkedHashSet<>(leadBureaus));
            supportingUnits = supportingUnits == null ? List.of() : List.copyOf(supportingUnits);
        }

        public boolean ledBy(String bureau) {
            return leadBureaus.contains(bureau);
        }

        public boolean involves(String bureau) {
            return leadBureaus.contains(bureau) || supportingUnits.contains(bureau);
        }
    }

    public Stream<PlanTask> tasks() {
        return actions.stream().flatMap(a -> a.tasks().stream());
    }

    public Optional<PlanTask> task(String code) {
        return tasks().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<Phase> phase(PhaseCode code) {
        return phases.stream().filter(p -> p.code() == code).findFirst();
    }

    /** Whether a clerk of this bureau works on the zone: it coordinates, leads or supports some task. */
    public boolean involves(String bureau) {
        return coordinator.equals(bureau) || tasks().anyMatch(t -> t.involves(bureau));
    }
}
