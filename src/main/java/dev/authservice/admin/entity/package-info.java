/** The row that serialises changes to who administers. */
package dev.authservice.admin.entity;
