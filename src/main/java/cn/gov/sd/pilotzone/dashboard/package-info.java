/**
 * What supervisors watch: tasks, awards, applications, feeds and hub nodes, each read through its module's API
 * ({@link cn.gov.sd.pilotzone.task.TaskSearch#workload()}, {@link cn.gov.sd.pilotzone.award.AwardFigures},
 * {@link cn.gov.sd.pilotzone.exchange.ExchangeStatus}), never from another module's tables or folders.
 */
@ApplicationModule(displayName = "dashboard",
        allowedDependencies = {"award", "common", "exchange", "registry", "security", "task", "ui"})
package cn.gov.sd.pilotzone.dashboard;

import org.springframework.modulith.ApplicationModule;
