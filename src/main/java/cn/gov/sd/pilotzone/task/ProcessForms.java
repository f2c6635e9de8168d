package cn.gov.sd.pilotzone.task;

import java.util.List;

/**
 * What a feature contributes for one of its processes: the form of each of its user tasks. A Spring bean; the
 * hub refuses to start when the forms and the deployed process's user tasks differ (see {@link TaskForms}).
 */
public interface ProcessForms {

    String processDefinitionKey();

    List<TaskForm> forms();
}
