package io.tally.hitkeep.model;

/**
 * Sales of one product over a window.
 *
 * @param itemId the product id the shop sent
 * @param itemName the product name
 * @param orders orders that contained it
 * @param quantity units sold
 * @param revenue revenue from it
 */
public record EcommerceProductStat(
        String itemId,
        String itemName,
        long orders,
        long quantity,
        double revenue) {}
