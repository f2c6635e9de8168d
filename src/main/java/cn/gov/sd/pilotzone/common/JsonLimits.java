package cn.gov.sd.pilotzone.common;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's ObjectMapper (every API body) refuses a key given twice and a number longer than
 * {@value #MAX_NUMBER_LENGTH} characters while parsing, before anything converts it (docs/money-rules.md). The
 * amount's own rule ({@link Money}) then bounds its size and scale; the length limit only keeps the parser cheap.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    static final int MAX_NUMBER_LENGTH = 64;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.featuresToEnable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build()));
    }
}
