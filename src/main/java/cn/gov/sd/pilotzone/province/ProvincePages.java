package cn.gov.sd.pilotzone.province;

import java.nio.charset.StandardCharsets;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.ui.PageController;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The province page (server-rendered): the zones the caller sees side by side with what is behind, each
 * indicator's trend against its target, the clusters; and the comparison as Excel. 省工信厅 and supervisors see
 * all six zones, a city's 工信局 its own.
 */
@PageController
class ProvincePages {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProvinceOverview overview;
    private final ProvinceWorkbook workbook;
    private final ProvinceAccess access;
    private final ProvinceConfig config;
    private final Indicators indicators;

    ProvincePages(ProvinceOverview overview, ProvinceWorkbook workbook, ProvinceAccess access, ProvinceConfig config,
                  Indicators indicators) {
        this.overview = overview;
        this.workbook = workbook;
        this.access = access;
        this.config = config;
        this.indicators = indicators;
    }

    @GetMapping("/province")
    String province(Caller caller, Model model) {
        model.addAttribute("zones", overview.zones(caller));
        model.addAttribute("clusters", overview.clusters());
        model.addAttribute("province", indicators.of(config.provinceId()));
        model.addAttribute("provinceName", config.provinceName());
        model.addAttribute("seesAll", access.seesAll(caller));
        return "province";
    }

    @GetMapping("/province.xlsx")
    ResponseEntity<byte[]> export(Caller caller) {
        byte[] xlsx = workbook.write(overview.zones(caller));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("试验区对比.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }
}
