package dk.borgerflow.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who asked, and what they need from us. The CPR number is optional and never logged. */
@Embeddable
public class Citizen {

    @Column(name = "citizen_cpr")
    private String cpr;
    @Column(name = "citizen_name")
    private String name;
    @Column(name = "citizen_phone")
    private String phone;
    @Column(name = "citizen_email")
    private String email;
    @Column(name = "citizen_digitally_exempt")
    private boolean digitallyExempt;
    @Column(name = "citizen_age")
    private Integer age;
    @Column(name = "citizen_needs_interpreter")
    private boolean needsInterpreter;
    @Column(name = "citizen_language")
    private String language;
    @Column(name = "citizen_accessibility")
    private String accessibilityNeeds;

    protected Citizen() {
    }

    public Citizen(String cpr, String name, String phone, String email, boolean digitallyExempt, Integer age,
            boolean needsInterpreter, String language, String accessibilityNeeds) {
        this.cpr = cpr;
        this.name = name;
        this.phone = phone;
        this.email = email;
        this.digitallyExempt = digitallyExempt;
        this.age = age;
        this.needsInterpreter = needsInterpreter;
        this.language = language;
        this.accessibilityNeeds = accessibilityNeeds;
    }

    public boolean hasAccessibilityNeeds() {
        return accessibilityNeeds != null && !accessibilityNeeds.isBlank();
    }

    public String cpr() {
        return cpr;
    }

    public String name() {
        return name;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public boolean digitallyExempt() {
        return digitallyExempt;
    }

    public Integer age() {
        return age;
    }

    public boolean needsInterpreter() {
        return needsInterpreter;
    }

    public String language() {
        return language;
    }

    public String accessibilityNeeds() {
        return accessibilityNeeds;
    }
}
