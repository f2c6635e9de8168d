package cn.gov.sd.pilotzone.award;

import cn.gov.sd.pilotzone.MariaDb;

/** {@link BudgetRaceIT} on MariaDB: the conditional UPDATE under InnoDB row locks, READ COMMITTED. */
@MariaDb
class BudgetRaceMariaDbIT extends BudgetRaceIT {
}
