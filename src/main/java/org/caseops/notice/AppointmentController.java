package org.caseops.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.ReplicaRead;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-report appointments: a field office's report hours, booking and rescheduling from a letter's reference, the
 * desk's day, check-in by reference or QR code, no-shows and letters not answered by their deadline.
 */
@RestController
class AppointmentController {

    private final Appointments appointments;

    AppointmentController(Appointments appointments) {
        this.appointments = appointments;
    }

    record ReportHours(@NotEmpty List<Appointments.Hour> hours) {
    }

    record Booking(@NotNull LocalDate day, @NotNull Integer hour) {
    }

    record Reschedule(@NotNull LocalDate day, @NotNull Integer hour, @NotNull Integer version) {
    }

    record CheckInRequest(@NotBlank String reference, @NotNull LocalDate on) {
    }

    record NoShow(@NotNull Integer version) {
    }

    record DidNotReport(@NotNull LocalDate on) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ReplicaRead
    @GetMapping("/api/field-offices/{code}/report-hours")
    List<Appointments.Hour> hours(@PathVariable String code) {
        return appointments.hours(code);
    }

    /** Sets the office's report hours and capacities (a supervisor or director of that office). */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PutMapping("/api/field-offices/{code}/report-hours")
    List<Appointments.Hour> setHours(@PathVariable String code, @RequestBody ReportHours request) {
        return appointments.setHours(code, request.hours());
    }

    /** The desk's day: each hour's capacity and bookings, and the day's appointments. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @GetMapping("/api/field-offices/{code}/appointments")
    Appointments.Day day(@PathVariable String code, @RequestParam(required = false) LocalDate day) {
        return appointments.day(code, day);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/letters/{reference}/appointments")
    ResponseEntity<Appointments.Appointment> book(@PathVariable String reference, @RequestBody Booking request) {
        Appointments.Appointment a = appointments.book(reference, request.day(), request.hour());
        return ResponseEntity.created(URI.create("/api/appointments/" + a.id())).body(a);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/letters/{reference}/appointments")
    List<Appointments.Appointment> ofLetter(@PathVariable String reference) {
        return appointments.ofLetter(reference);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/appointments/{id}")
    Appointments.Appointment read(@PathVariable long id) {
        return appointments.read(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/appointments/{id}/reschedule")
    ResponseEntity<Appointments.Appointment> reschedule(@PathVariable long id, @RequestBody Reschedule request) {
        Appointments.Appointment a = appointments.reschedule(id, request.day(), request.hour(), request.version());
        return ResponseEntity.created(URI.create("/api/appointments/" + a.id())).body(a);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/appointments/{id}/no-show")
    Appointments.Appointment noShow(@PathVariable long id, @RequestBody NoShow request) {
        return appointments.noShow(id, request.version());
    }

    /** Checks a letter's people in at the office, by the reference typed or scanned from the letter's QR code. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/check-ins")
    Appointments.CheckIn checkIn(@RequestBody CheckInRequest request) {
        return appointments.checkIn(request.reference(), request.on());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/letters/{reference}/did-not-report")
    Letters.Letter didNotReport(@PathVariable String reference, @RequestBody DidNotReport request) {
        return appointments.didNotReport(reference, request.on());
    }
}
