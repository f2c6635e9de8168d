package cn.gov.sd.pilotzone.common;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's ObjectMapper (every API body) refuses a key given twice and a number longer than
 * {@value #MAX_NUMBER_LENGTH} characters while parsing, before anything converts it (docs/money-rules.md). The
 * amount's own rule ({@link Money}) then bounds its size and scale; the length limit only keeps the parser cheap.
 * A decimal sent as a JSON string ({@code "approvedAmount":"1.2E+6"}) is read by the same rule as text in a file,
 * a page form or a feed ({@link Money#parse}: plain notation only); a JSON number is read as a number.
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

    /** Registered with the application's ObjectMapper as every Module bean is. */
    @Bean
    Module plainDecimals() {
        return new SimpleModule("plain-decimals").addDeserializer(BigDecimal.class, new PlainDecimals());
    }

    /** Every decimal of the API is an amount in yuan; its text form follows the amount rule (sign checked later). */
    static final class PlainDecimals extends StdScalarDeserializer<BigDecimal> {

        PlainDecimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                return text.isBlank() ? null : Money.parse(p.currentName(), text, Money.Sign.ANY);
            }
            return NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
        }
    }
}
