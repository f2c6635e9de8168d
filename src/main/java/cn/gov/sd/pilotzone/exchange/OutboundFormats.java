package cn.gov.sd.pilotzone.exchange;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each outbound feed is written ({@code hub.exchange.outbound.<feed>}): {@code csv} batches in a configurable
 * charset (the finance system may want GB18030), or {@code json}, one file per item.
 */
@ConfigurationProperties("hub.exchange")
public record OutboundFormats(Map<String, Format> outbound) {

    public OutboundFormats {
        outbound = outbound == null ? Map.of() : Map.copyOf(outbound);
    }

    public record Format(String format, Charset charset) {
        public Format {
            format = format == null ? "csv" : format;
            charset = charset == null ? StandardCharsets.UTF_8 : charset;
        }

        public boolean json() {
            return "json".equals(format);
        }
    }

    public Format of(String feed) {
        return outbound.getOrDefault(feed, new Format("csv", StandardCharsets.UTF_8));
    }
}
