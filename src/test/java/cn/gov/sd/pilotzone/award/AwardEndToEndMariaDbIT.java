package cn.gov.sd.pilotzone.award;

import cn.gov.sd.pilotzone.MariaDb;

/** The same end-to-end runs on MariaDB through the {@code mysql} profile. */
@MariaDb
class AwardEndToEndMariaDbIT extends AwardEndToEndIT {
}
