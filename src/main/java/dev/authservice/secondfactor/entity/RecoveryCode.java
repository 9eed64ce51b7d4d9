package dev.authservice.secondfactor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One unused recovery code of an account, kept only as its SHA-256; using it deletes it. */
@Entity
@Table(name = "AUTH_RECOVERY_CODE")
@NamedQuery(
        name = RecoveryCode.USE,
        query = "DELETE FROM RecoveryCode c WHERE c.codeHash = :codeHash AND c.username = :username")
@NamedQuery(name = RecoveryCode.DELETE_ALL_OF_USER, query = "DELETE FROM RecoveryCode c WHERE c.username = :username")
public class RecoveryCode {

    /** Deletes the code if the user has it; the row count says whether it was valid. */
    public static final String USE = "RecoveryCode.use";

    public static final String DELETE_ALL_OF_USER = "RecoveryCode.deleteAllOfUser";

    @Id
    @Column(name = "CODE_HASH", length = 64)
    private String codeHash;

    @Column(name = "USERNAME", nullable = false, length = 256)
    private String username;

    protected RecoveryCode() {
        // for JPA
    }

    public RecoveryCode(String codeHash, String username) {
        this.codeHash = codeHash;
        this.username = username;
    }
}
