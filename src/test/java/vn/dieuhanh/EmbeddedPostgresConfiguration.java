package vn.dieuhanh;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;

/**
 * A real PostgreSQL server for the test context. It is a bean the DataSource depends on, so the context closes the
 * pool before the server (otherwise JVM shutdown waits about a minute for the dead connections).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    @Bean
    @DependsOn("embeddedPostgres")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(10);
        // At JVM exit the server's own shutdown hook may stop PostgreSQL while Spring still closes the engine, which
        // then waits for a connection: keep that wait short instead of Hikari's 30 s.
        dataSource.setConnectionTimeout(3000);
        return dataSource;
    }
}
