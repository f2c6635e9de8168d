package cn.gov.sd.pilotzone.exchange;

import java.nio.charset.Charset;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Charset of each inbound CSV feed: {@code hub.exchange.csv-charset} for all ({@code auto} = UTF-8 with or
 * without BOM, else GB18030), overridable per feed with {@code hub.exchange.charsets.<feed>}.
 */
@Component
public class FeedCharsets {

    private final String fallback;
    private final Map<String, String> perFeed;

    public FeedCharsets(@Value("${hub.exchange.csv-charset:auto}") String fallback, Environment env) {
        this.fallback = fallback;
        this.perFeed = Binder.get(env).bind("hub.exchange.charsets", Bindable
                .mapOf(String.class, String.class)).orElse(Map.of());
    }

    /** Null means detect. */
    public Charset of(String feed) {
        String name = perFeed.getOrDefault(feed, fallback);
        return "auto".equalsIgnoreCase(name) ? null : Charset.forName(name);
    }
}
