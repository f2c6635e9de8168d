/**
 * What every page shares: the page advice ({@link cn.gov.sd.pilotzone.ui.PageController} marks the controllers
 * it serves), value formatting, the language, Excel sheets, the BPMN diagram. Page controllers live in their
 * features' packages; this module depends on no feature, so that every feature's pages may use it.
 */
@ApplicationModule(displayName = "ui", allowedDependencies = "common")
package cn.gov.sd.pilotzone.ui;

import org.springframework.modulith.ApplicationModule;
