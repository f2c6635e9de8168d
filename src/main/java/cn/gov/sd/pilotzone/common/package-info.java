/**
 * What every feature shares and no feature owns: money, UTC, problems and their messages, configuration files,
 * the form of the hub's engine event listeners.
 * It depends on no other module, so that every module may depend on it.
 */
@ApplicationModule(displayName = "common", allowedDependencies = {})
package cn.gov.sd.pilotzone.common;

import org.springframework.modulith.ApplicationModule;
