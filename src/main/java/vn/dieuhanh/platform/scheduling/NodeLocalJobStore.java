package vn.dieuhanh.platform.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Spring's Quartz job store on the application's data source, registered in Quartz's JVM-wide connection registry
 * under a name of its own per scheduler instance.
 * <p>
 * Why: every node of a cluster must run its scheduler under the same name (the {@code SCHED_NAME} of the QRTZ_ tables
 * is what makes them one cluster), but Spring registers the data source under {@code springTxDataSource.<name>}, so
 * a second application context in the same JVM (tests start a second node that way) would replace the first one's
 * data source, and leave it a closed pool when it stops. Set as {@code org.quartz.jobStore.class}.
 */
public class NodeLocalJobStore extends LocalDataSourceJobStore {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        DataSource transactional = SchedulerFactoryBean.getConfigTimeDataSource();
        DataSource configuredNonTransactional = SchedulerFactoryBean.getConfigTimeNonTransactionalDataSource();
        DataSource nonTransactional = configuredNonTransactional != null ? configuredNonTransactional : transactional;
        super.initialize(loadHelper, signaler);
        String own = getInstanceName() + "#" + INSTANCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(TX_DATA_SOURCE_PREFIX + own,
                new Provider(() -> DataSourceUtils.doGetConnection(transactional)));
        DBConnectionManager.getInstance().addConnectionProvider(NON_TX_DATA_SOURCE_PREFIX + own,
                new Provider(nonTransactional::getConnection));
        setDataSource(TX_DATA_SOURCE_PREFIX + own);
        setNonManagedTXDataSource(NON_TX_DATA_SOURCE_PREFIX + own);
    }

    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    /** The pool belongs to the application context, which closes it: nothing to initialise or shut down here. */
    private record Provider(ConnectionSource source) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return source.get();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
