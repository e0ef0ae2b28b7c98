/** Codecs that turn application keys and values into the bytes Redis stores, and back. */
package io.slotwise.codec;
