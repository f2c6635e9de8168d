package cn.gov.sd.pilotzone.exchange;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExchangeConfig {

    /**
     * The shared record of inbound files already claimed, so that several hub nodes on one database and one inbox
     * process each file once. The table is created by Flyway (V1), not by Camel.
     */
    @Bean
    JdbcMessageIdRepository inboundFileRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "inbound-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
