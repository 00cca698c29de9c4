package org.opencc.compliance.decision;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * US area code to state, for telling an all-party state's number from a one-party state's. Deliberately partial
 * (README "Recording decisions"): complete for the all-party states of the default policy (CA, FL, IL, MD, MA,
 * MT, NH, PA, WA) as of 2025, plus some one-party states; a code missing here counts as unknown, and an unknown
 * subdivision gets the strictest rule of the country, so an omission errs on the strict side. Area codes follow
 * the number when it moves (mobile portability): they locate the number's origin, not the caller.
 */
final class UsAreaCodes {
    private static final Map<String, String> STATES = new HashMap<>();

    static {
        // all-party states
        add("CA", "209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669"
                + " 707 714 738 747 760 805 818 820 831 837 840 858 909 916 925 949 951");
        add("FL", "239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954");
        add("IL", "217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872");
        add("MD", "227 240 301 410 443 667");
        add("MA", "339 351 413 508 617 774 781 857 978");
        add("MT", "406");
        add("NH", "603");
        add("PA", "215 223 267 272 412 445 484 570 582 610 717 724 814 835 878");
        add("WA", "206 253 360 425 509 564");
        // some one-party states
        add("NY", "212 315 332 347 516 518 585 607 631 646 680 716 718 845 914 917 929 934");
        add("TX", "210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936"
                + " 940 956 972 979");
        add("GA", "229 404 470 478 678 706 762 770 912");
        add("AZ", "480 520 602 623 928");
        add("CO", "303 719 720 970");
        add("NJ", "201 551 609 640 732 848 856 862 908 973");
        add("OH", "216 220 234 330 380 419 440 513 567 614 740 937");
        add("NC", "252 336 704 743 828 910 919 980 984");
        add("VA", "276 434 540 571 703 757 804");
        add("DC", "202");
        add("MN", "218 320 507 612 651 763 952");
        add("TN", "423 615 629 731 865 901 931");
    }

    private UsAreaCodes() {}

    /** The state (ISO 3166-2 code without {@code US-}) of a three-digit area code, if this table knows it. */
    static Optional<String> state(String areaCode) {
        return Optional.ofNullable(STATES.get(areaCode));
    }

    private static void add(String state, String codes) {
        for (String code : codes.split(" ")) {
            if (STATES.put(code, state) != null) {
                throw new IllegalStateException("area code " + code + " listed twice");
            }
        }
    }
}
