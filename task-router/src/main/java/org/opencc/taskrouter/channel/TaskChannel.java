package org.opencc.taskrouter.channel;

import java.time.Instant;

/** A kind of work (voice, chat, sms…); tasks carry one, and workers have capacity per channel. */
public record TaskChannel(String sid, String workspaceSid, String uniqueName, String friendlyName,
        boolean channelOptimizedRouting, Instant dateCreated, Instant dateUpdated) {}
