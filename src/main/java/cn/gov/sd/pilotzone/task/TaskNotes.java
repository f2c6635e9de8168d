package cn.gov.sd.pilotzone.task;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;

import org.flowable.engine.TaskService;
import org.flowable.engine.task.Attachment;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments and attached files of a case, kept by Flowable per process instance (a clerk adds them on a task of
 * the case), with the caller as their author. Reading is per case;
 * whether the caller may see the case is the caller's question (see the web UI's case access).
 */
@Service
class TaskNotes {

    public record Note(String author, Instant at, String text, String taskId) {
    }

    /**
     * A file of the case. {@code type} is Flowable's attachment type: a content type, or for the zone lifecycle's
     * documents {@code <kind>;<content type>}; {@code url} is set for a link to another system instead of content.
     */
    public record FileNote(String id, String name, String type, String author, Instant at, String taskId,
                           String processInstanceId, String url) {

        public String contentType() {
            String t = type == null ? "" : type.substring(type.indexOf(';') + 1).strip();
            return t.contains("/") ? t : "application/octet-stream";
        }
    }

    public static final int MAX_COMMENT = 2000;
    public static final int MAX_NAME = 200;
    private static final int MAX_CONTENT_TYPE = 100;

    private final TaskService taskService;
    private final Tasks tasks;
    private final FlowableUser flowableUser;
    private final EngineTables engine;

    TaskNotes(TaskService taskService, Tasks tasks, FlowableUser flowableUser, EngineTables engine) {
        this.taskService = taskService;
        this.tasks = tasks;
        this.flowableUser = flowableUser;
        this.engine = engine;
    }

    public List<Note> comments(String processInstanceId) {
        return engine.comments(processInstanceId).stream().sorted(Comparator.comparing(Note::at)).toList();
    }

    @Transactional
    public void comment(Caller caller, String taskId, String text) {
        TaskView task = tasks.visible(caller, taskId);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(Problem.of("comment", "field.required"));
        }
        if (text.length() > MAX_COMMENT) {
            throw new InvalidInputException(Problem.of("comment", "field.tooLong", MAX_COMMENT));
        }
        if (FreeText.formula(text.strip())) {
            throw new InvalidInputException(Problem.of("comment", "field.formula"));
        }
        flowableUser.as(caller.username(), () -> taskService.addComment(taskId, task.processInstanceId(), text.strip()));
    }

    public List<FileNote> attachments(String processInstanceId) {
        return engine.attachments(processInstanceId).stream()
                .sorted(Comparator.comparing(FileNote::at, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    /** Attaches a file to the task's case. The name loses any path a browser sent (old IE sends C:\...). */
    @Transactional
    public FileNote attach(Caller caller, String taskId, String fileName, String contentType, byte[] content) {
        TaskView task = tasks.visible(caller, taskId);
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || content == null || content.length == 0) {
            throw new InvalidInputException(Problem.of("file", "field.required"));
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(Problem.of("file", "field.tooLong", MAX_NAME));
        }
        if (contentType != null && !mediaType(contentType)) {
            // the part's own header, sent by the client: stored in a 255-character column and sent back on download
            throw new InvalidInputException(Problem.of("file", "file.contentType", MAX_CONTENT_TYPE));
        }
        Attachment a = flowableUser.as(caller.username(), () -> taskService.createAttachment(
                contentType == null ? "application/octet-stream" : contentType, taskId, task.processInstanceId(), name,
                null, new ByteArrayInputStream(content)));
        return fileNote(a);
    }

    private static boolean mediaType(String type) {
        if (type.length() > MAX_CONTENT_TYPE) {
            return false;
        }
        try {
            MediaType.parseMediaType(type);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    public Optional<FileNote> attachment(String attachmentId) {
        return Optional.ofNullable(taskService.getAttachment(attachmentId)).map(TaskNotes::fileNote);
    }

    public byte[] content(String attachmentId) {
        try (InputStream in = taskService.getAttachmentContent(attachmentId)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileNote fileNote(Attachment a) {
        return new FileNote(a.getId(), a.getName(), a.getType(), a.getUserId(),
                a.getTime() == null ? null : a.getTime().toInstant(), a.getTaskId(), a.getProcessInstanceId(),
                a.getUrl());
    }
}
