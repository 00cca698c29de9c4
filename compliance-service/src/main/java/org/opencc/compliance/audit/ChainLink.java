package org.opencc.compliance.audit;

/**
 * An audit entry as stored in the chain.
 *
 * @param id the row id: the chain's order
 * @param entry the hashed fields
 * @param prevHash the hash of the entry before it, {@link AuditChain#GENESIS} for the first
 * @param hash the stored hash of this entry
 */
record ChainLink(long id, AuditEntry entry, String prevHash, String hash) {}
