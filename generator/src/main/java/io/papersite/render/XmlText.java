package io.papersite.render;

import java.io.StringWriter;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small indenting XML writer over StAX, which escapes text and attributes. Characters that XML
 * 1.0 cannot hold (most control characters) are dropped, so content cannot make a feed unreadable.
 */
final class XmlText {

  private static final Pattern NOT_XML =
      Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  private final StringWriter out = new StringWriter();
  private final XMLStreamWriter xml;
  private int depth;

  XmlText() {
    try {
      xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("utf-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  static String clean(String text) {
    return NOT_XML.matcher(text).replaceAll("");
  }

  XmlText open(String name, String... attributes) {
    try {
      newline();
      xml.writeStartElement(name);
      attributes(attributes);
      depth++;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  XmlText close() {
    try {
      depth--;
      newline();
      xml.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An element holding text: {@code <title>...</title>}. */
  XmlText text(String name, String text, String... attributes) {
    try {
      newline();
      xml.writeStartElement(name);
      attributes(attributes);
      xml.writeCharacters(clean(text));
      xml.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An empty element: {@code <link href="..."/>}. */
  XmlText empty(String name, String... attributes) {
    try {
      newline();
      xml.writeEmptyElement(name);
      attributes(attributes);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  String finish() {
    try {
      xml.writeEndDocument();
      xml.close();
      return out + "\n";
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private void attributes(String... pairs) throws XMLStreamException {
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      xml.writeAttribute(pairs[i], clean(pairs[i + 1]));
    }
  }

  private void newline() throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}
