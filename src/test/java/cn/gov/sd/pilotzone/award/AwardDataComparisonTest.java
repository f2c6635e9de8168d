package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwardDataComparisonTest {

    @Test
    void namesCompareLikeAClerkWould() {
        assertThat(AwardDataComparison.sameName("潍坊（奎文）智能装备 有限公司", "潍坊(奎文)智能装备有限公司")).isTrue();
        assertThat(AwardDataComparison.sameName("潍坊奎文智能装备有限公司", "潍坊奎文智能装备股份有限公司")).isFalse();
    }

    @Test
    void attachmentNameOfTheListHasNoPath() {
        assertThat(RecognitionListFeed.attachmentName("../a/b\\c..csv")).doesNotContain("/", "\\", "..");
    }
}
