package cn.gov.sd.pilotzone.task;

import java.util.List;

import cn.gov.sd.pilotzone.security.Caller;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    static final int MAX_ATTEMPTS = 3;

    private final Tasks tasks;

    TaskController(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    List<TaskView> list(Caller caller, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "100") int size) {
        return tasks.open(caller, Math.max(page, 0), Math.min(Math.max(size, 1), 500));
    }

    /**
     * Each attempt is its own transaction. A timer of the same process (an escalation, a report check) may change
     * it at the same moment; the engine then refuses the completion as a whole, so it is simply tried again.
     */
    @PostMapping("/{id}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(Caller caller, @PathVariable String id, @RequestBody CompletionForm form) {
        for (int attempt = 1; ; attempt++) {
            try {
                tasks.complete(caller, id, form);
                return;
            } catch (FlowableOptimisticLockingException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, "the task changed meanwhile, try again", e);
                }
            }
        }
    }

    @PostMapping("/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claim(Caller caller, @PathVariable String id) {
        tasks.claim(caller, id);
    }

    @PostMapping("/{id}/unclaim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unclaim(Caller caller, @PathVariable String id) {
        tasks.unclaim(caller, id);
    }
}
