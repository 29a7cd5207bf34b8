/**
 * Paged results: {@link io.tally.core.paging.Page}, one page of rows with the total when the server
 * reports one, and {@link io.tally.core.paging.AutoPager}, an {@code Iterable} that fetches the next
 * page as iteration reaches it (offset/limit and page/size styles).
 */
@NullMarked
package io.tally.core.paging;

import org.jspecify.annotations.NullMarked;
