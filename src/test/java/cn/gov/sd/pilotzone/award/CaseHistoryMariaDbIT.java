package cn.gov.sd.pilotzone.award;

import cn.gov.sd.pilotzone.MariaDb;

/** The same on MariaDB through the {@code mysql} profile. */
@MariaDb
class CaseHistoryMariaDbIT extends CaseHistoryIT {
}
