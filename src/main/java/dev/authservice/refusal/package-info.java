/** Why a request is refused, in reasons the boundary turns into statuses. */
package dev.authservice.refusal;
