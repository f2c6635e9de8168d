/**
 * The process engine's user tasks as people work them: search, claim, completion through the features' forms
 * ({@link cn.gov.sd.pilotzone.task.ProcessForms}), and the task and case pages, to which features add their cases'
 * names, rules and details ({@link cn.gov.sd.pilotzone.task.ProcessCases}). Features depend on it, never the
 * other way round.
 */
@ApplicationModule(displayName = "task", allowedDependencies = {"audit", "common", "registry", "security", "ui"})
package cn.gov.sd.pilotzone.task;

import org.springframework.modulith.ApplicationModule;
