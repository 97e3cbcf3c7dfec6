package vn.dieuhanh.chat.internal;

import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;

/** Officials' names for display. */
@Component
class ChatNames {

    private final OrganisationDirectory directory;

    ChatNames(OrganisationDirectory directory) {
        this.directory = directory;
    }

    String name(String userId) {
        return directory.official(userId).map(Official::fullName).orElse(userId);
    }
}
