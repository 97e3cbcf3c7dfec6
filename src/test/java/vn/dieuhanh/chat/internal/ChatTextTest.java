package vn.dieuhanh.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dieuhanh.chat.internal.ChatText.Link;
import vn.dieuhanh.chat.internal.ChatText.LinkKind;

/** The link syntax of messages: prefixes, and paths as copied from the pages and the REST API. */
class ChatTextTest {

    static final String ID = "3f2b9c1e-7a4d-4e0b-9b1a-2c5d6e7f8a90";

    @Test
    void prefixesAndCopiedPathsAndAddressesBecomeLinks() {
        assertThat(ChatText.links("Xem chi-dao:" + ID + ", bao-cao:" + ID + "."))
                .containsExactly(new Link(LinkKind.DIRECTIVE, ID), new Link(LinkKind.REPORT, ID));
        assertThat(ChatText.links("GET /api/directives/" + ID + " và /api/indicator-reports/" + ID + "/submit"))
                .containsExactly(new Link(LinkKind.DIRECTIVE, ID), new Link(LinkKind.REPORT, ID));
        assertThat(ChatText.links("https://dieuhanh.tphcm.gov.vn/viec/" + ID + " hoặc /api/assignments/" + ID
                + " hoặc viec:" + ID)).containsExactly(new Link(LinkKind.ASSIGNMENT, ID));
        assertThat(ChatText.links("chi-tieu:KT-01")).containsExactly(new Link(LinkKind.INDICATOR, "KT-01"));
    }

    @Test
    void prefixesInsideWordsAreText() {
        assertThat(ChatText.links("abcchi-dao:" + ID + " x/bao-cao:" + ID + " /api/chat/assignments/" + ID)).isEmpty();
    }
}
