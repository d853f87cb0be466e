// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.util.List;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.card.ReaderState;
import picocli.CommandLine.Option;

/** {@code --reader NAME}, or the only reader with a card in it. */
final class ReaderOption {

    @Option(names = "--reader", paramLabel = "NAME", description = "PC/SC reader (default: the only one with a card)")
    String reader;

    CardSession connect() throws CardIoException {
        CardReaders readers = CardReaders.system();
        return readers.connect(name(readers));
    }

    String name(CardReaders readers) throws CardIoException {
        if (reader != null) {
            return reader;
        }
        List<ReaderState> withCard = readers.list().stream().filter(ReaderState::cardPresent).toList();
        if (withCard.size() != 1) {
            throw new CardIoException(withCard.isEmpty() ? "no card in any reader" : "cards in " + withCard.size()
                    + " readers: choose one with --reader");
        }
        return withCard.get(0).name();
    }
}
