package cn.gov.sd.pilotzone.task;

import java.util.List;

import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final Tasks tasks;
    private final TaskCompleter completer;

    TaskController(Tasks tasks, TaskCompleter completer) {
        this.tasks = tasks;
        this.completer = completer;
    }

    @GetMapping
    List<TaskView> list(Caller caller, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "100") int size) {
        return tasks.open(caller, Math.max(page, 0), Math.min(Math.max(size, 1), 500));
    }

    /**
     * Retried when a timer of the same process changed it meanwhile (see {@link TaskCompleter}); a task that kept
     * changing is a 409, as every concurrent change (web.ApiExceptionHandler).
     */
    @PostMapping("/{id}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(Caller caller, @PathVariable String id, @RequestBody CompletionForm form) {
        completer.complete(caller, id, form);
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
