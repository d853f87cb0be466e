// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractLexerBasedConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Value converters of the policy language. NUMBER is an unsigned 64-bit quantity written in
 * decimal (sector numbers, counters, lifetimes); values beyond {@link Long#MAX_VALUE} are refused
 * at parse time instead of wrapping around.
 */
public class PolicyValueConverters extends DefaultTerminalConverters {

	private final NumberConverter numberConverter = new NumberConverter();

	@ValueConverter(rule = "NUMBER")
	public IValueConverter<Long> NUMBER() {
		return numberConverter;
	}

	static final class NumberConverter extends AbstractLexerBasedConverter<Long> {

		@Override
		public Long toValue(String string, INode node) {
			if (string == null || string.isEmpty()) {
				throw new ValueConverterException("Missing number", node, null);
			}
			try {
				return Long.parseLong(string);
			} catch (NumberFormatException e) {
				throw new ValueConverterException("Number " + string + " is larger than " + Long.MAX_VALUE, node, e);
			}
		}

		@Override
		protected String toEscapedString(Long value) {
			return Long.toString(value);
		}

		@Override
		protected void assertValidValue(Long value) {
			super.assertValidValue(value);
			if (value < 0) {
				throw new ValueConverterException("Numbers are never negative: " + value, null, null);
			}
		}
	}
}
