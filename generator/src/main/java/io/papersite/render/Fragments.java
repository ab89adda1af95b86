package io.papersite.render;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The templates' {@code <@cached key="...">...</@cached>}: what its body writes is kept under the
 * key for the rest of the build and written again wherever the same key comes up, without running
 * the body. A paper's card is on its collections' and its tags' pages, six or more times a build.
 * The key must name everything the body shows. Fragments are kept up to a budget of characters, a
 * thirty-second of the heap; a site whose fragments do not fit lets them all go at once and renders
 * every body from then on, since it would keep only a few of its fragments anyway. They are softly
 * held besides, so that a tight heap gets them back. {@link #text} keeps pieces that Java code
 * makes, such as a paper's BibTeX entry, in the same way.
 */
final class Fragments {

  static final String DIRECTIVE = "cached";

  private static final String ATTRIBUTE = "papersite.fragments";

  private final Map<String, SoftReference<String>> kept;
  private final AtomicLong budget;

  Fragments(long budgetInChars) {
    this(budgetInChars, 16);
  }

  /**
   * @param expected about how many fragments will be kept: a map that grows while every core reads
   *     it makes them look through its moved entries (3% of a 10,000-paper build's samples)
   */
  private Fragments(long budgetInChars, int expected) {
    this.budget = new AtomicLong(budgetInChars);
    this.kept = new ConcurrentHashMap<>(expected);
  }

  /** A thirty-second of the heap, for up to two fragments a paper. */
  static Fragments forThisHeap(int papers) {
    return new Fragments(Runtime.getRuntime().maxMemory() / 32, 2 * papers);
  }

  /** Keeps nothing: every text is made where it is wanted. */
  static Fragments none() {
    return new Fragments(-1);
  }

  /** Makes these fragments the ones that {@code env}'s {@code <@cached>} keeps and reuses. */
  void serve(Environment env) {
    env.setCustomAttribute(ATTRIBUTE, this);
  }

  /** The directive, shared by every template; the fragments are those of the environment. */
  static final TemplateDirectiveModel CACHED =
      (Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body) -> {
        if (params.size() != 1
            || !(params.get("key") instanceof TemplateScalarModel key)
            || loopVars.length != 0) {
          throw new TemplateModelException(
              "<@" + DIRECTIVE + "> takes one parameter, key, a string: <@cached key=\"...\">");
        }
        if (body == null) {
          return;
        }
        Object fragments = env.getCustomAttribute(ATTRIBUTE);
        if (fragments instanceof Fragments kept) {
          kept.write(key.getAsString(), body, env);
        } else {
          body.render(env.getOut());
        }
      };

  private void write(String key, TemplateDirectiveBody body, Environment env)
      throws TemplateException, IOException {
    if (budget.get() < 0) {
      body.render(env.getOut()); // given up: straight to the page, kept nowhere
      return;
    }
    String text = kept(key);
    if (text == null) {
      StringWriter out = new StringWriter();
      body.render(out);
      text = keep(key, out.toString());
    }
    env.getOut().write(text);
  }

  /** Makes a piece of text. */
  @FunctionalInterface
  interface Maker<E extends Exception> {
    String make() throws E;
  }

  /** The text kept under the key, or else what {@code make} makes, kept if the budget allows. */
  <E extends Exception> String text(String key, Maker<E> make) throws E {
    String text = kept(key);
    return text != null ? text : keep(key, make.make());
  }

  private String kept(String key) {
    if (budget.get() < 0) {
      return null;
    }
    SoftReference<String> reference = kept.get(key);
    return reference == null ? null : reference.get();
  }

  private String keep(String key, String text) {
    if (budget.get() < 0) {
      return text;
    }
    if (budget.addAndGet(-text.length()) >= 0) {
      kept.put(key, new SoftReference<>(text));
    } else {
      kept.clear(); // the site's fragments do not fit: keep none
    }
    return text;
  }
}
