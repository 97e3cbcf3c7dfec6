package vn.dieuhanh.organisation;

import java.util.Optional;

/**
 * The official signed in on the current request (see {@link CurrentOfficial}); empty outside a signed-in request.
 * Controllers simply declare a {@link CurrentOfficial} parameter; this is for code that is not a controller method
 * (interceptors, the web app's layout).
 */
public interface CurrentOfficials {

    Optional<CurrentOfficial> current();
}
