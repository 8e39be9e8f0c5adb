package org.caseops.docket.synthetic;

/** One row of the person file, reused between rows (the national docket allocates nothing per person it can avoid). */
final class Person {

    enum Relationship { LEAD, SPOUSE, CHILD, PARENT, GUARDIAN, OTHER }

    record Address(String line, String city, String state, String zip) {
    }

    long idnCase;
    String aNumber;
    String givenName;
    String familyName;
    int birthDay;
    char sex;
    String nationality;
    String language;
    boolean usCitizen;
    boolean lpr;
    boolean citizenshipClaim;
    long householdOf;
    Relationship relationship;
    Address address;
    int addressAsOf;
}
