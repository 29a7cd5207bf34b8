package io.tally.alephant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.alephant.model.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void centsAndDollarsConvertBothWays() {
        Money budget = Money.ofCents(2550);
        assertThat(budget.dollars()).isEqualByComparingTo("25.50");
        assertThat(budget.dollarsForWrite()).isEqualTo(new BigDecimal("25.50"));
        assertThat(budget.unit()).isEqualTo(Money.Unit.USD_CENTS);
        assertThat(Money.ofDollars("25.5")).isEqualTo(budget);
        assertThat(Money.ofDollars("0.005").cents()).isEqualTo(1L);
        assertThat(budget.toString()).isEqualTo("25.50 USD");
    }

    @Test
    void wireValuesKeepTheirUnit() {
        assertThat(Money.parse("1250", Money.Unit.USD_CENTS).dollars()).isEqualByComparingTo("12.50");
        assertThat(Money.parse("12.5", Money.Unit.USD_DOLLAR_STRING).cents()).isEqualTo(1250L);
        assertThat(Money.parse("12.5", Money.Unit.USD_DOLLARS).unit()).isEqualTo(Money.Unit.USD_DOLLARS);
    }

    @Test
    void nonNumbersAreRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> Money.ofDollars("twelve")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dollars must be a decimal number such as 12.50, got 'twelve'");
    }
}
