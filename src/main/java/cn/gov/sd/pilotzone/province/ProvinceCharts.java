package cn.gov.sd.pilotzone.province;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.sd.pilotzone.province.Indicators.IndicatorView;
import cn.gov.sd.pilotzone.province.Indicators.Point;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/** An indicator's trend as the JSON a page's chart reads from its canvas ({@code data-series}). */
@Component("provinceCharts")
public class ProvinceCharts {

    private final ObjectMapper json;

    ProvinceCharts(ObjectMapper json) {
        this.json = json;
    }

    public String json(IndicatorView i) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("periods", i.series().stream().map(Point::period).toList());
        m.put("values", i.series().stream().map(Point::value).toList());
        m.put("target", i.target());
        m.put("targetYear", i.targetYear());
        return json.writeValueAsString(m);
    }
}
