package cn.gov.sd.pilotzone.province;

import cn.gov.sd.pilotzone.MariaDb;

/** {@link ProvinceIT} on MariaDB: the designation tables, the indicator upserts, the registry and ledger counts. */
@MariaDb
class ProvinceMariaDbIT extends ProvinceIT {
}
