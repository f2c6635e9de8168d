package cn.gov.sd.pilotzone.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one application context of the security ITs (same annotations, so Spring's test cache shares it). A real
 * port rather than a mock environment: Flowable's REST API is its own DispatcherServlet, which MockMvc cannot reach.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.data-dir=${java.io.tmpdir}/hub-it-security",
        "spring.datasource.url=jdbc:h2:mem:security;DB_CLOSE_DELAY=-1",
        "hub.demo.enabled=true"})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false) // metrics export, so that the Prometheus endpoint exists
@Import(SecurityProbe.class)
@interface SecurityIntegrationTest {
}
