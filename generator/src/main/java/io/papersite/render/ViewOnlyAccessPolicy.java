package io.papersite.render;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What templates may see of Java objects: the accessors of the view records and nothing else. No
 * {@code getClass()}, no constructors, no fields, no methods of any other class, so a template from
 * a pull request cannot walk from the data model into the JVM.
 */
final class ViewOnlyAccessPolicy implements MemberAccessPolicy {

  private static final String VIEW_PACKAGE = "io.papersite.render.view";

  @Override
  public ClassMemberAccessPolicy forClass(Class<?> type) {
    boolean view = type.getPackageName().equals(VIEW_PACKAGE);
    return new ClassMemberAccessPolicy() {
      @Override
      public boolean isMethodExposed(Method method) {
        return view
            && method.getDeclaringClass() == type
            && method.getParameterCount() == 0
            && !Modifier.isStatic(method.getModifiers())
            && !method.getName().equals("hashCode");
      }

      @Override
      public boolean isConstructorExposed(Constructor<?> constructor) {
        return false;
      }

      @Override
      public boolean isFieldExposed(Field field) {
        return false;
      }
    };
  }

  @Override
  public boolean isToStringAlwaysExposed() {
    return false;
  }
}
