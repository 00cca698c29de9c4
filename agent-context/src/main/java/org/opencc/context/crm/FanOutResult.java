package org.opencc.context.crm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every source answered for one customer key.
 *
 * @param customer the profiles that arrived, merged in source order (the first source naming a member wins);
 *     empty when none arrived
 * @param sources one report per source, in source order
 */
public record FanOutResult(Optional<Map<String, Object>> customer, List<SourceReport> sources) {}
