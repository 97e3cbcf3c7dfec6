/**
 * Chat between officials, units and groups (issue 19, docs/chat.md): direct conversations, a channel per unit (its
 * head moderates), groups created by leaders and unit heads, and the assignment threads as conversations of the same
 * kind; messages with mentions, links shown as cards, nudges, attachments, read receipts, search with or without
 * diacritics, audited edits and deletions; live updates at {@code /tro-chuyen/su-kien} and mention notifications
 * through the notification outbox. REST under {@code /api/chat}, pages under {@code /tro-chuyen}. Nothing depends on
 * this module; its public type is {@link vn.dieuhanh.chat.ConversationKind}.
 */
package vn.dieuhanh.chat;
