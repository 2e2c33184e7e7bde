/** The effective configuration: the annotation with the admin's property overrides, checked at start. */
package org.passkeyee.internal.config;
