package cn.gov.sd.pilotzone.engine;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.stereotype.Component;

/**
 * What the engine is told beyond {@code flowable.*} in {@code config/application.yml}, each with its reason.
 * <p>
 * <b>No bulk inserts.</b> Flowable writes the new rows of one table in a transaction as one multi-row
 * {@code INSERT}, whose SQL MyBatis builds anew from a {@code <foreach>} template at every flush, tokens parsed
 * and parameter mappings made for every row. The hub's transactions write one or two rows per table (an
 * application's start, a review's completion), so a multi-row statement saves next to no round trips, and building
 * it was a fifth of the CPU of starting an award process (JFR, README "Performance", seventh round). Single-row
 * inserts have static SQL that MyBatis parses once.
 */
@Component
class EngineSettings implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        engine.setBulkInsertEnabled(false);
    }
}
