package cn.gov.sd.pilotzone;

import javax.xml.datatype.DatatypeFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PilotZoneHubApplication {

    public static void main(String[] args) {
        // Flowable makes a DatatypeFactory for each timer it schedules (a due date, an escalation): without this
        // JAXP property each one searched the class path's jars for a provider first, about 4% of a task
        // completion's CPU in the packaged hub (README "Performance"). The JDK's own factory is the one it found.
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
        SpringApplication.run(PilotZoneHubApplication.class, args);
    }
}
