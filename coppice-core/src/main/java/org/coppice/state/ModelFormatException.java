package org.coppice.state;

/**
 * A model file or bundle is invalid: truncated, corrupt, of an unsupported version, or its content
 * breaks a rule of the format. The message says where (file, section, byte offset, field) and what
 * is wrong. Unchecked, so that learner code reading its state does not have to declare it.
 */
public class ModelFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
